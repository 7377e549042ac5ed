/** A news page shaped like the scraped seed: navigation, byline, image, tags, related links, footer. */
export function newsPageHtml(
  options: { title?: string; paragraphs?: string[]; lang?: string; head?: string } = {},
): string {
  const title =
    options.title ?? 'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals';
  const paragraphs = options.paragraphs ?? [
    'US President Donald Trump and Japanese Prime Minister Sanae Takaichi signed on Tuesday a framework agreement aimed at ensuring a stable supply of critical minerals and rare earth elements.',
    'The two countries will jointly select priority projects, provide financing within six months, and create new mechanisms to attract private investment, the agreement read.',
    'A bilateral ministerial meeting is scheduled within 180 days to set investment priorities, while both nations aim to simplify and speed up the permitting process for mining and processing.',
  ];
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
  <meta charset="utf-8">
  <title>${title} - Example News</title>
  <meta property="og:title" content="${title}">
  <meta property="article:published_time" content="2025-10-28T04:44:00+00:00">
  <link rel="canonical" href="https://news.example.org/20251028/us-japan-framework.html">
  ${options.head ?? ''}
</head>
<body>
  <header class="site-header">
    <nav class="menu"><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li>
    <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main>
    <article class="article">
      <h1 class="article__title">${title}</h1>
      <div class="article__byline byline">By <a rel="author" href="/authors/jane">Jane Reporter</a></div>
      <figure class="article__image">
        <img src="https://cdn.example.org/img/1122955493_1920x0_80.jpg" alt="">
        <figcaption>https://cdn.example.org/img/1122955493_1920x0_80.jpg</figcaption>
      </figure>
      <div class="article__body">
        ${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n        ')}
      </div>
      <div class="article__tags tags"><a href="/tags/japan">japan</a> <a href="/tags/tokyo">tokyo</a>
        <a href="/tags/rare-earth-metals">rare-earth metals</a></div>
      <div class="share social">Share on X | Share on Facebook</div>
    </article>
    <aside class="related sidebar"><h2>Related</h2><ul><li><a href="/trump-asia-tour">Trump's Asia tour: the stakes</a></li></ul></aside>
  </main>
  <footer class="footer">Example News feedback@example.org +1 555 0100. All rights reserved. 2025</footer>
</body>
</html>`;
}
