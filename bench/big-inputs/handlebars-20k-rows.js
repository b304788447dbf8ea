// paste Handlebars = handlebars/dist/handlebars.min.js
// A report rendered from a template at integration size: an HTML table of 20,000 rows with an `each`, a
// condition and escaped fields.
module.exports = async () => {
  const template = Handlebars.compile(
    "<table>{{#each rows}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{#if paid}}paid{{else}}due{{/if}}</td><td>{{note}}</td></tr>{{/each}}</table>",
  );
  const rows = [];
  for (let i = 0; i < 20_000; i++) rows.push({ id: i, name: `Customer <${i}>`, paid: i % 3 === 0, note: `"${i}" & more` });
  const html = template({ rows });
  return { data: { bytes: html.length, tail: html.slice(-60) } };
};
