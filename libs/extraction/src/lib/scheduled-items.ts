// An amount of money ("USD 800,000", "€1.2 million", "A$500,000"), a share ("30%", "25 per cent")
// or a quantity with its unit ("200 metric tons", "40 sets"), at the start of a list item.
const MONEY = String.raw`(?:[A-Z]{3}|[A-Z]{1,2}\$|[$€£¥])\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|mn|bn|m)\b)?`;
const SHARE = String.raw`\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)`;
const QUANTITY = String.raw`\d[\d,]*(?:\.\d+)?\s?(?:metric\s+)?(?:MT|tonnes?|tons?|units?|sets?|barrels?|bbl|kg|pieces?|pcs|cargoes?|shipments?)\b`;
const AMOUNT_AT_START = new RegExp(String.raw`^(?:${MONEY}|${SHARE}|${QUANTITY})`);
// The whole sum a lead-in names, which an item's part of it stands in for: "the sum of USD 2.4m".
const LEAD_SUM = new RegExp(String.raw`(?:the\s+(?:sum|amount|total)\s+of\s+)?${MONEY}`);

/**
 * The amount an item of a schedule starts with ("USD 800,000 on or before 30 June 2027;"), where
 * a lead-in has named what is paid or delivered ("shall pay the sum of USD 2,400,000 in three
 * instalments as follows:") and the item says only how much and when; else null.
 */
export function scheduledAmount(item: string): string | null {
  return AMOUNT_AT_START.exec(item)?.[0] ?? null;
}

/**
 * The title of a scheduled part: the lead-in's action with the part's amount in place of the whole
 * sum ("pay the Lender USD 800,000"), or beside the action where the lead-in names no sum
 * ("deliver the Goods (200 MT)").
 */
export function scheduledTitle(leadTitle: string, amount: string): string {
  const action = leadTitle.replace(/\s+(?:as\s+follows|the\s+following)$/i, '');
  return LEAD_SUM.test(action) ? action.replace(LEAD_SUM, amount) : `${action} (${amount})`;
}
