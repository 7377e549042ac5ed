import type { FeedItem } from './parse-feed';

/** What a subscription cares about; an empty list does not filter. */
export interface RelevanceFilter {
  keywords: readonly string[];
  parties: readonly string[];
}

export type Relevance = { relevant: true } | { relevant: false; reason: string };

/**
 * Whether a feed item is worth fetching, judged on its title and summary: it must name at least one
 * keyword and at least one party when the source lists them. Matching is on whole words, ignoring
 * case, so `EU` does not match `neutral`.
 */
export function relevanceOf(item: FeedItem, filter: RelevanceFilter): Relevance {
  const said = `${item.title ?? ''} ${item.summary ?? ''}`;
  if (filter.keywords.length > 0 && !filter.keywords.some((word) => mentions(said, word))) {
    return {
      relevant: false,
      reason: `mentions none of the keywords: ${filter.keywords.join(', ')}`,
    };
  }
  if (filter.parties.length > 0 && !filter.parties.some((party) => mentions(said, party))) {
    return { relevant: false, reason: `names none of the parties: ${filter.parties.join(', ')}` };
  }
  return { relevant: true };
}

function mentions(text: string, phrase: string): boolean {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return (
    escaped !== '' && new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text)
  );
}
