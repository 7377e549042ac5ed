// A test page built by the suite itself, in the shape scraped news pages come in.

/** A scraped news page: navigation, byline, image, article, tags, related links and footer. */
export function newsPage(title: string, paragraphs: string[], navigation = 'World | Asia'): string {
  return `<!doctype html><html lang="en"><head><title>${title} - Example News</title>
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2025-10-28T04:44:00+00:00">
<link rel="canonical" href="https://news.example.org/20251028/story.html"></head>
<body><header><nav class="menu">${navigation}</nav></header>
<main><article><h1>${title}</h1><div class="byline">By Jane Reporter</div>
<figure><img src="https://cdn.example.org/img/1.jpg"><figcaption>https://cdn.example.org/img/1.jpg</figcaption></figure>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<div class="tags"><a href="/tags/japan">japan</a> <a href="/tags/tokyo">tokyo</a></div></article>
<aside class="related"><a href="/other">Other story</a></aside></main>
<footer class="footer">Example News. All rights reserved.</footer></body></html>`;
}
