// paste marked = marked/lib/marked.umd.js
// Markdown rendered at integration size: a 2,000-section document with headings, emphasis, links, lists and
// code spans, about 400 KB.
module.exports = async () => {
  const sections = [];
  for (let i = 0; i < 2_000; i++) {
    sections.push(`## Section ${i}\n\nSome *emphasis* and **strong** text with a [link](https://example.com/${i}) and \`code ${i}\`.\n\n- item one\n- item two\n`);
  }
  const html = marked.parse(sections.join("\n"));
  return { data: { bytes: html.length, tail: html.slice(-40) } };
};
