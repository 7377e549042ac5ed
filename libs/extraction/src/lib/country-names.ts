/**
 * Country aliases: short names, long names, demonyms and capitals. Capitals and demonyms name
 * a government only in some positions, which parties.ts decides.
 */
export interface CountryAliases {
  readonly name: string;
  readonly names: readonly string[];
  readonly adjectives: readonly string[];
  readonly capitals: readonly string[];
}

export const COUNTRIES: readonly CountryAliases[] = [
  {
    name: 'United States',
    names: ['United States of America', 'United States', 'U.S.A.', 'U.S.', 'USA', 'US'],
    adjectives: ['American'],
    capitals: ['Washington'],
  },
  { name: 'Japan', names: ['Japan'], adjectives: ['Japanese'], capitals: ['Tokyo'] },
  { name: 'Australia', names: ['Australia'], adjectives: ['Australian'], capitals: ['Canberra'] },
  { name: 'Malaysia', names: ['Malaysia'], adjectives: ['Malaysian'], capitals: ['Kuala Lumpur'] },
  { name: 'Thailand', names: ['Thailand'], adjectives: ['Thai'], capitals: ['Bangkok'] },
  { name: 'Ukraine', names: ['Ukraine'], adjectives: ['Ukrainian'], capitals: ['Kyiv', 'Kiev'] },
  {
    name: 'Saudi Arabia',
    names: ['Saudi Arabia', 'Kingdom of Saudi Arabia'],
    adjectives: ['Saudi'],
    capitals: ['Riyadh'],
  },
  {
    name: 'United Kingdom',
    names: ['United Kingdom', 'U.K.', 'UK', 'Britain'],
    adjectives: ['British'],
    capitals: ['London'],
  },
  {
    name: 'China',
    names: ["People's Republic of China", 'China', 'PRC'],
    adjectives: ['Chinese'],
    capitals: ['Beijing'],
  },
  { name: 'India', names: ['India'], adjectives: ['Indian'], capitals: ['New Delhi'] },
  { name: 'Canada', names: ['Canada'], adjectives: ['Canadian'], capitals: ['Ottawa'] },
  {
    name: 'South Korea',
    names: ['Republic of Korea', 'South Korea', 'Korea'],
    adjectives: ['Korean', 'South Korean'],
    capitals: ['Seoul'],
  },
  { name: 'Germany', names: ['Germany'], adjectives: ['German'], capitals: ['Berlin'] },
  { name: 'France', names: ['France'], adjectives: ['French'], capitals: ['Paris'] },
  { name: 'Kazakhstan', names: ['Kazakhstan'], adjectives: ['Kazakh'], capitals: ['Astana'] },
  { name: 'Indonesia', names: ['Indonesia'], adjectives: ['Indonesian'], capitals: ['Jakarta'] },
  {
    name: 'Vietnam',
    names: ['Vietnam', 'Viet Nam'],
    adjectives: ['Vietnamese'],
    capitals: ['Hanoi'],
  },
  {
    name: 'Philippines',
    names: ['Philippines'],
    adjectives: ['Philippine', 'Filipino'],
    capitals: ['Manila'],
  },
  { name: 'Brazil', names: ['Brazil'], adjectives: ['Brazilian'], capitals: ['Brasilia'] },
  { name: 'Chile', names: ['Chile'], adjectives: ['Chilean'], capitals: ['Santiago'] },
  {
    name: 'Argentina',
    names: ['Argentina'],
    adjectives: ['Argentine', 'Argentinian'],
    capitals: ['Buenos Aires'],
  },
  { name: 'Mexico', names: ['Mexico'], adjectives: ['Mexican'], capitals: ['Mexico City'] },
  {
    name: 'European Union',
    names: ['European Union', 'EU'],
    adjectives: [],
    capitals: ['Brussels'],
  },
  {
    name: 'United Arab Emirates',
    names: ['United Arab Emirates', 'UAE'],
    adjectives: ['Emirati'],
    capitals: ['Abu Dhabi'],
  },
  { name: 'Qatar', names: ['Qatar'], adjectives: ['Qatari'], capitals: ['Doha'] },
  {
    name: 'Democratic Republic of the Congo',
    names: ['Democratic Republic of the Congo', 'DRC'],
    adjectives: ['Congolese'],
    capitals: ['Kinshasa'],
  },
  {
    name: 'South Africa',
    names: ['South Africa'],
    adjectives: ['South African'],
    capitals: ['Pretoria'],
  },
  { name: 'Italy', names: ['Italy'], adjectives: ['Italian'], capitals: ['Rome'] },
  { name: 'Netherlands', names: ['Netherlands'], adjectives: ['Dutch'], capitals: ['The Hague'] },
  { name: 'Norway', names: ['Norway'], adjectives: ['Norwegian'], capitals: ['Oslo'] },
  { name: 'Sweden', names: ['Sweden'], adjectives: ['Swedish'], capitals: ['Stockholm'] },
  { name: 'Finland', names: ['Finland'], adjectives: ['Finnish'], capitals: ['Helsinki'] },
  { name: 'Mongolia', names: ['Mongolia'], adjectives: ['Mongolian'], capitals: ['Ulaanbaatar'] },
  { name: 'Uzbekistan', names: ['Uzbekistan'], adjectives: ['Uzbek'], capitals: ['Tashkent'] },
  { name: 'Greenland', names: ['Greenland'], adjectives: [], capitals: ['Nuuk'] },
  { name: 'Peru', names: ['Peru'], adjectives: ['Peruvian'], capitals: ['Lima'] },
];
