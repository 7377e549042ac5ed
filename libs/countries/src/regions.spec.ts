import { countryNamed } from './countries';
import { REGIONS, regionNamed } from './regions';

describe('the provinces and states of federations that sign as governments', () => {
  it("knows Canada's provinces and territories, Australia's states and territories and the US states", () => {
    expect(regionNamed('British Columbia')).toMatchObject({ country: 'CA', kind: 'province' });
    expect(regionNamed('Yukon')).toMatchObject({ country: 'CA', kind: 'territory' });
    expect(regionNamed('Western Australia')).toMatchObject({ country: 'AU', kind: 'state' });
    expect(regionNamed('Northern Territory')).toMatchObject({ country: 'AU', kind: 'territory' });
    expect(regionNamed('New Mexico')).toMatchObject({ country: 'US', kind: 'state' });
    expect(REGIONS.filter((region) => region.country === 'US')).toHaveLength(50);
  });

  it('finds a region by another spelling of its name, under the name it is reported by', () => {
    expect(regionNamed('Québec')?.name).toBe('Quebec');
  });

  it('keeps apart the names that are also a city, a capital or a sovereign state', () => {
    for (const name of ['Victoria', 'Washington', 'New York', 'Georgia']) {
      expect(regionNamed(name)?.ambiguous).toBe(true);
    }
    expect(regionNamed('Ontario')?.ambiguous).toBe(false);
  });

  it('names no region as a sovereign state is named', () => {
    const clashes = REGIONS.filter((region) => countryNamed(region.name) && !region.ambiguous);
    expect(clashes).toEqual([]);
  });
});
