// paste Papa = papaparse/papaparse.min.js
// CSV in and out as an integration exchanges it: a header row, quoted fields with commas, quotes and line
// breaks, typed values, another delimiter, and errors for a ragged row.
module.exports = async () => {
  const csv = [
    "id,name,amount,active,note",
    '1,"Smith, Jane",12.50,true,"said ""hi"""',
    "2,Bob,7,false,",
    '3,"Multi\nLine",1e3,TRUE,"x"',
    "4,Short",
  ].join("\r\n");
  const parsed = Papa.parse(csv, { header: true, dynamicTyping: true, skipEmptyLines: true });
  const semicolons = Papa.parse("a;b\n1;2\n3;4", { delimiter: ";" });
  const guessed = Papa.parse("a\tb\n1\t2");
  const unparsed = Papa.unparse([
    { id: 1, text: 'has "quotes"', list: "a,b" },
    { id: 2, text: "line\nbreak", list: "" },
  ]);
  const quotedAll = Papa.unparse([["x", "y"], [1, null]], { quotes: true, newline: "\n" });
  return {
    data: {
      rows: parsed.data,
      fields: parsed.meta.fields,
      errors: parsed.errors.map(({ type, code, row }) => ({ type, code, row })),
      semicolons: semicolons.data,
      guessedDelimiter: guessed.meta.delimiter,
      unparsed,
      quotedAll,
    },
  };
};
