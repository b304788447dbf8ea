// paste XLSX = xlsx/dist/xlsx.full.min.js
// A spreadsheet built from rows, written as an .xlsx workbook (a zip of XML parts) and read back: cell values,
// types, formulas, dates, a second sheet, and the CSV and JSON views of it.
module.exports = async () => {
  const rows = [
    { sku: "A-1", name: "Widget", qty: 3, price: 9.5, shipped: new Date(Date.UTC(2024, 0, 15)) },
    { sku: "B-2", name: "Gadget, large", qty: 1, price: 120, shipped: new Date(Date.UTC(2024, 1, 29)) },
    { sku: "C-3", name: "Ünïcode ✓", qty: 12, price: 0.25, shipped: new Date(Date.UTC(2023, 11, 31)) },
  ];
  const workbook = XLSX.utils.book_new();
  const orders = XLSX.utils.json_to_sheet(rows, { cellDates: true });
  XLSX.utils.sheet_add_aoa(orders, [["total", null, { t: "n", f: "SUM(C2:C4)", v: 16 }, { t: "n", f: "SUMPRODUCT(C2:C4,D2:D4)", v: 151.5 }]], { origin: -1 });
  XLSX.utils.book_append_sheet(workbook, orders, "Orders");
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([["key", "value"], ["region", "eu-west"], ["rate", 0.2]]), "Settings");
  workbook.Props = { Title: "Orders", Author: "Blocksmith", CreatedDate: new Date(Date.UTC(2024, 2, 1)) };

  const written = XLSX.write(workbook, { type: "base64", bookType: "xlsx", compression: true });
  const read = XLSX.read(written, { type: "base64", cellDates: true, cellFormula: true });
  const sheet = read.Sheets.Orders;
  const csvBytes = XLSX.write(workbook, { type: "string", bookType: "csv" });
  return {
    data: {
      sheetNames: read.SheetNames,
      range: sheet["!ref"],
      cells: ["A1", "B3", "C2", "D3", "E2", "C5", "D5"].map((address) => {
        const cell = sheet[address];
        return [address, cell.t, cell.t === "d" ? cell.v.toISOString() : cell.v, cell.f ?? null];
      }),
      json: XLSX.utils.sheet_to_json(sheet, { raw: true }).map((row) => ({ ...row, shipped: row.shipped instanceof Date ? row.shipped.toISOString() : row.shipped })),
      settings: XLSX.utils.sheet_to_json(read.Sheets.Settings, { header: 1 }),
      csv: XLSX.utils.sheet_to_csv(sheet),
      csvWorkbook: csvBytes.split("\n").length,
      props: [read.Props.Title, read.Props.Author],
      zipSignature: written.slice(0, 4),
      decodedRange: XLSX.utils.decode_range(sheet["!ref"]),
      encoded: XLSX.utils.encode_cell({ r: 4, c: 3 }),
    },
  };
};
