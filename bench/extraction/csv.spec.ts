import { parseCsv, parsePythonList } from './csv';

describe('bench CSV helpers', () => {
  it('parses quoted CSV fields with doubled quotes and newlines', () => {
    expect(parseCsv('a,"b ""x""\nc",d\n1,2,3\n')).toEqual([
      ['a', 'b "x"\nc', 'd'],
      ['1', '2', '3'],
    ]);
  });

  it('parses Python string lists with both quote styles and escapes', () => {
    expect(parsePythonList(`['Feb 10, 2014', "Licensee's term", 'it\\'s']`)).toEqual([
      'Feb 10, 2014',
      "Licensee's term",
      "it's",
    ]);
    expect(parsePythonList('[]')).toEqual([]);
  });
});
