import type { ObligationCategory } from './types';

/** Keyword rules per category, most specific first. */
const RULES: readonly [Exclude<ObligationCategory, 'other'>, RegExp][] = [
  // Disclosing something "in writing" to the other side is a formal notice, not confidentiality.
  ['notice', /\bnotice\b|\bnotify\b|\bnon-renewal\b|\bdisclose\b[^.]{0,60}\bin writing\b/i],
  [
    'closing',
    // "^close": a verb phrase that closes something ("close the second tranche").
    /\b(?:to close|will close|expected to close|outside date|long-?stop date)\b|^(?:completion|closing|close)\b/i,
  ],
  [
    'payment',
    /\b(?:pay|repay)\b(?!\s+no\b)|\bpaid\b|\bpayments?\b|\broyalt(?:y|ies)\b|\bfees?\b|\binvoices?\b|\brevenues?\b|\btranche\b/i,
  ],
  // "those meeting the standards" meet a test, they do not hold a meeting.
  [
    'meeting',
    /\bmeet(?:ing|ings)?\b(?!\s+(?:the|all|any|such|its|their|these|those)\s+(?:[\w-]+\s+){0,2}?(?:standards?|requirements?|criteria|conditions|obligations|specifications|needs|demand|targets?|deadlines?|thresholds?)\b)|\bconvene\b|\bministerial\b|\bsummit\b|\bdialogues?\b|\bhold\s+(?:\w+\s+){0,2}talks\b/i,
  ],
  [
    'reporting',
    // A government's too: "submit to the President a list of priority projects", "brief the
    // Congress", "inform the President of the state of the threat".
    /\breports?\b|\bforecast\b|\b(?:financial|audited) statements?\b|\b(?:development|business|work) plan\b|\baccounts\b|\bsubmit\w*\b[^.;]{0,120}?\b(?:list|plan|recommendations|assessment|strategy)\b|\b(?:brief|inform)(?:s|ed)?\s+(?:the\s+)?(?:Congress|President)\b/i,
  ],
  [
    'delivery',
    /\bshipments?\b|\bcargo(?:e?s)?\b|\bpurchase\b|\bbuy\b|\bsell\b|\bofftake\b|\bdeliver\w*\b[^.]{0,40}\bproducts?\b/i,
  ],
  [
    // The name may hold abbreviations: "a U.S.-Japan ... Rapid Response Group".
    'body-establishment',
    /\b(?:establish\w*|set up|create|form)\b(?:[^.]|\.(?!\s)){0,80}\b(?:group|committee|council|body|board|secretariat|task force|working group|commission)\b/i,
  ],
  ['stockpiling', /\bstockpil\w*|\bstrategic (?:stocks|reserves?)\b/i],
  ['mapping', /\bmapping\b|\bgeolog\w*|\binventory of\b|\bsurvey\w*\b/i],
  [
    'permitting',
    /\bpermit\w*|\b(?:regulatory|required) approvals?\b|\bauthori[sz]ation\b|\bclearance\b/i,
  ],
  [
    'trade-measure',
    /\bunfair trade\b|\bnon-market\b|\bmarket access\b|\btransshipment\b|\bprice floors?\b|\bquotas?\b|\btariffs?\b|\btrade measures?\b|\bexport (?:ban|controls?)\b|\b(?:customs|import|export|anti-dumping|countervailing)\s+duties\b|\b(?:remove|eliminate|cut|reduce|lower|abolish|waive|impose|raise)[a-z]*\s+(?:\w+\s+){0,2}?duties\s+on\b/i,
  ],
  ['investment', /\b(?:re)?invest\w*|\bput\b[^.]{0,40}\binto\b|\bconstruction of\b|\bhub\b/i],
  [
    'financing',
    /\bfinanc\w*|\bloans?\b|\bcapital\b|\bfund(?:s|ed|ing)?\b|\bcontributions?\b|\bgrants?\b|\b(?:provid|mobili[sz]|commit|contribut|allocat|earmark|extend)\w*\s+(?:up to |about |around |some |over |more than )?(?:(?:EUR|USD|US\$|\$|€|£|¥|JPY|GBP|CAD|AUD|CHF|CNY)\s?\d|\d[\d.,]*\s*(?:million|billion|bn)\b)/i,
  ],
];

const ofAction = (action: string) => RULES.find(([, re]) => re.test(action))?.[0];

/**
 * The area of a commitment from its clause and its verb phrase ("close the transaction",
 * "establish a ... Rapid Response Group"). A clause that touches three or more areas is filed
 * by what its verb phrase does, else under "other".
 */
export function categorise(clause: string, action: string): ObligationCategory {
  const hits = RULES.filter(([, re]) => re.test(clause)).map(([category]) => category);
  if (hits.length >= 3) return ofAction(action) ?? 'other';
  // Between two areas, the one the verb phrase names ("establish a Trade Council, which will
  // meet ..." establishes a body); else the first rule's.
  const named = ofAction(action);
  if (hits.length === 2 && named && hits.includes(named)) return named;
  return hits[0] ?? named ?? 'other';
}
