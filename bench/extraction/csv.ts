/** RFC 4180 CSV rows, and CUAD's Python-style string lists (`['a', "b's"]`). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

export function parsePythonList(text: string): string[] {
  const items: string[] = [];
  let i = text.indexOf('[') + 1;
  while (i > 0 && i < text.length) {
    const ch = text.charAt(i);
    if (ch === "'" || ch === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text.charAt(i) !== ch) {
        if (text.charAt(i) === '\\') {
          const next = text.charAt(i + 1);
          value += ESCAPES[next] ?? `\\${next}`;
          i += 2;
        } else {
          value += text.charAt(i);
          i += 1;
        }
      }
      items.push(value);
    }
    if (ch === ']') break;
    i += 1;
  }
  return items;
}
