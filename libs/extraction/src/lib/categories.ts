import type { ObligationCategory } from './types';

/**
 * Keyword rules per category, most specific first. A clause that touches three or more
 * categories is a general cooperation statement and falls into "other".
 */
const RULES: readonly [Exclude<ObligationCategory, 'other'>, RegExp][] = [
  ['notice', /\bnotice\b|\bnotify\b|\bnon-renewal\b/i],
  [
    'closing',
    /\b(?:to close|will close|expected to close|outside date|long-?stop date)\b|^(?:completion|closing)\b/i,
  ],
  [
    'payment',
    /\b(?:pay|repay)\b(?!\s+no\b)|\bpaid\b|\bpayments?\b|\broyalt(?:y|ies)\b|\bfees?\b|\binvoices?\b|\brevenues?\b|\btranche\b/i,
  ],
  ['meeting', /\bmeet(?:ing|ings)?\b|\bconvene\b|\bministerial\b|\bsummit\b|\bdialogue\b/i],
  [
    'reporting',
    /\breports?\b|\bforecast\b|\bfinancial statements\b|\b(?:development|business|work) plan\b|\baccounts\b/i,
  ],
  [
    'delivery',
    /\bshipments?\b|\bpurchase\b|\bsell\b|\bofftake\b|\bdeliver\w*\b[^.]{0,40}\bproducts?\b/i,
  ],
  [
    'body-establishment',
    /\b(?:establish\w*|set up|create|form)\b[^.]{0,80}\b(?:group|committee|council|body|board|secretariat|task force|working group|commission)\b/i,
  ],
  ['stockpiling', /\bstockpil\w*|\bstrategic (?:stocks|reserves?)\b/i],
  ['mapping', /\bmapping\b|\bgeolog\w*|\binventory of\b|\bsurvey\w*\b/i],
  [
    'permitting',
    /\bpermit\w*|\b(?:regulatory|required) approvals?\b|\bauthori[sz]ation\b|\bclearance\b/i,
  ],
  [
    'trade-measure',
    /\bunfair trade\b|\bnon-market\b|\bprice floors?\b|\bquotas?\b|\btariffs?\b|\btrade measures?\b|\bexport (?:ban|controls?)\b/i,
  ],
  ['investment', /\binvest\w*|\bput\b[^.]{0,40}\binto\b|\bconstruction of\b|\bhub\b/i],
  [
    'financing',
    /\bfinanc\w*|\bloans?\b|\bcapital\b|\bfund(?:s|ed|ing)?\b|\bcontributions?\b|\bgrants?\b/i,
  ],
];

export function categorise(clause: string, action: string): ObligationCategory {
  const hits = RULES.filter(([, re]) => re.test(clause)).map(([category]) => category);
  if (hits.length >= 3) return 'other';
  // The verb phrase decides between two areas only when the clause's own order does not.
  return hits[0] ?? RULES.find(([, re]) => re.test(action))?.[0] ?? 'other';
}
