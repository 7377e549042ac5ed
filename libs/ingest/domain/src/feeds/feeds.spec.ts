import { UnreadableFeedError, parseFeed } from './parse-feed';
import { relevanceOf } from './relevance';

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
  <item><title>US and Japan sign minerals framework</title><link>https://news.example/a</link>
    <guid isPermaLink="false">wire-1</guid><description>Financing within six months.</description>
    <pubDate>Tue, 28 Oct 2025 04:44:00 +0000</pubDate></item>
  <item><title>Weather</title><link>https://news.example/b</link></item>
  <item><title>No link</title></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry</title>
  <entry><id>tag:ministry.example,2025:1</id><title type="text">Joint statement</title>
    <link rel="self" href="https://ministry.example/feed/1"/>
    <link rel="alternate" href="https://ministry.example/statements/1"/>
    <summary>Signed in Tokyo.</summary><published>2025-10-28T09:00:00Z</published></entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, link, title, description and publication date', () => {
    expect(parseFeed(rss)).toEqual([
      {
        key: 'wire-1',
        url: 'https://news.example/a',
        title: 'US and Japan sign minerals framework',
        summary: 'Financing within six months.',
        publishedAt: '2025-10-28',
      },
      // Without a guid the link identifies the item; without a link there is nothing to fetch.
      {
        key: 'https://news.example/b',
        url: 'https://news.example/b',
        title: 'Weather',
        summary: null,
        publishedAt: null,
      },
    ]);
  });

  it('reads Atom entries, taking the alternate link as the page', () => {
    expect(parseFeed(atom)).toEqual([
      {
        key: 'tag:ministry.example,2025:1',
        url: 'https://ministry.example/statements/1',
        title: 'Joint statement',
        summary: 'Signed in Tokyo.',
        publishedAt: '2025-10-28',
      },
    ]);
  });

  it('refuses a document that is not a feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(UnreadableFeedError);
  });
});

describe('relevanceOf', () => {
  const item = {
    key: 'k',
    url: 'https://news.example/a',
    title: 'US and Japan sign minerals framework',
    summary: 'Rare earths financing.',
    publishedAt: null,
  };

  it('lets everything through when the source lists neither keywords nor parties', () => {
    expect(relevanceOf(item, { keywords: [], parties: [] })).toEqual({ relevant: true });
  });

  it('needs one keyword and one party, matched as whole words ignoring case', () => {
    expect(relevanceOf(item, { keywords: ['rare earths'], parties: ['japan'] })).toEqual({
      relevant: true,
    });
  });

  it('says which list an item failed', () => {
    expect(relevanceOf(item, { keywords: ['lithium', 'cobalt'], parties: [] })).toEqual({
      relevant: false,
      reason: 'mentions none of the keywords: lithium, cobalt',
    });
    expect(relevanceOf(item, { keywords: [], parties: ['Malaysia'] })).toEqual({
      relevant: false,
      reason: 'names none of the parties: Malaysia',
    });
  });

  it('does not match a keyword inside another word', () => {
    expect(
      relevanceOf({ ...item, title: 'A neutral view' }, { keywords: ['EU'], parties: [] }),
    ).toMatchObject({
      relevant: false,
    });
  });
});
