// paste fxp = fast-xml-parser/lib/fxp.min.js
// XML in and out as a partner or SOAP integration exchanges it: a namespaced envelope with attributes, CDATA,
// entities, comments and repeated elements parsed to JSON under several option sets, JSON built back into XML,
// the same document round-tripped in order, and the errors the validator reports for broken documents.
module.exports = async () => {
  const { XMLParser, XMLBuilder, XMLValidator } = fxp;
  const envelope = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ord="urn:partner:orders:v2">
  <soap:Header>
    <ord:Auth token="abc&amp;123" expires="2024-06-30T23:59:59Z"/>
  </soap:Header>
  <soap:Body>
    <ord:OrderBatch count="2" sandbox="true">
      <!-- first order -->
      <ord:Order id="1001" currency="EUR">
        <ord:Customer vip="yes">Müller &amp; Söhne &lt;GmbH&gt;</ord:Customer>
        <ord:Line sku="A-1" qty="2" price="19.90"/>
        <ord:Line sku="B-7" qty="1" price="5"/>
        <ord:Note><![CDATA[Leave at <back> door & ring twice]]></ord:Note>
        <ord:Total>44.80</ord:Total>
        <ord:Placed>2024-03-01T10:00:00Z</ord:Placed>
        <ord:Reference>000123</ord:Reference>
      </ord:Order>
      <ord:Order id="1002" currency="USD">
        <ord:Customer>Acme &#169; Corp &#x2122;</ord:Customer>
        <ord:Line sku="C-3" qty="10" price="0.5e1"/>
        <ord:Note/>
        <ord:Total>-3.5</ord:Total>
        <ord:Flags>true</ord:Flags>
      </ord:Order>
    </ord:OrderBatch>
  </soap:Body>
</soap:Envelope>`;

  // Everyday options: attributes kept with a prefix, namespaces stripped, repeated elements always arrays.
  const arrays = new Set(["Envelope.Body.OrderBatch.Order", "Envelope.Body.OrderBatch.Order.Line"]);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseAttributeValue: true,
    cdataPropName: "__cdata",
    commentPropName: "#comment",
    isArray: (name, jpath) => arrays.has(jpath),
  });
  const parsed = parser.parse(envelope);
  const batch = parsed.Envelope.Body.OrderBatch;
  const orders = batch.Order.map((order) => ({
    id: order["@_id"],
    currency: order["@_currency"],
    customer: typeof order.Customer === "object" ? order.Customer["#text"] : order.Customer,
    vip: typeof order.Customer === "object" ? order.Customer["@_vip"] : null,
    lines: order.Line.map((line) => [line["@_sku"], line["@_qty"], line["@_price"]]),
    total: order.Total,
    reference: order.Reference ?? null,
  }));

  // The defaults: attributes dropped, namespaces kept, text values parsed as numbers and booleans.
  const defaults = new XMLParser().parse(envelope);
  // Everything as strings, with namespaced keys, the text of every element in a node, and the leading zeros kept.
  const strings = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    alwaysCreateTextNode: true,
    trimValues: true,
    numberParseOptions: { leadingZeros: false, hex: true },
  }).parse(envelope);
  // A stop node keeps its inner XML as text; a processor rewrites values; tag names are transformed; numeric and
  // HTML entities are decoded.
  const processed = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    htmlEntities: true,
    stopNodes: ["*.Note"],
    tagValueProcessor: (name, value) => (name === "Customer" ? value.toUpperCase() : value),
    attributeValueProcessor: (name, value) => (name === "sku" ? value.toLowerCase() : value),
    transformTagName: (name) => name.charAt(0).toLowerCase() + name.slice(1),
  }).parse(envelope);
  // An entity the document declares itself, added to the parser.
  const entityParser = new XMLParser();
  entityParser.addEntity("brand", "Blocksmith");
  const withEntity = entityParser.parse("<r><name>&brand; for &quot;teams&quot;</name><n>0x1F</n><big>12345678901234567890</big></r>");

  // The order-preserving shape, built back into the same XML.
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, commentPropName: "#comment" });
  const orderedTree = ordered.parse(envelope);
  const rebuilt = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, commentPropName: "#comment", format: true }).build(orderedTree);

  // JSON to XML as an integration sends a request.
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
    cdataPropName: "__cdata",
    commentPropName: "#comment",
    suppressBooleanAttributes: false,
  });
  const request = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Request: {
      "@_xmlns": "urn:partner:orders:v2",
      "@_version": 2,
      Auth: { "@_token": "a<b>&c\"d" },
      Order: [
        { "@_id": 1, Customer: "Tom & Jerry", Line: [{ "@_sku": "A", "@_qty": 3 }, { "@_sku": "B", "@_qty": 1 }] },
        { "@_id": 2, Customer: "", Note: { __cdata: "raw <xml> & stuff" }, Paid: true, Amount: 12.5, Missing: null },
      ],
    },
  });
  const compact = new XMLBuilder({ arrayNodeName: "item" }).build([{ a: 1 }, { b: "x" }]);
  const roundTrip = parser.parse(builder.build(parser.parse(envelope)));

  const broken = {
    unclosed: "<a><b></a>",
    badAttribute: '<a x="1" x="2"></a>',
    unquoted: "<a x=1></a>",
    twoRoots: "<a/><b/>",
    badName: "<1a></1a>",
    stray: "text only",
    booleanAttribute: "<input checked/>",
  };
  const validation = {};
  for (const [name, xml] of Object.entries(broken)) {
    const result = XMLValidator.validate(xml);
    validation[name] = result === true ? true : [result.err.code, result.err.msg, result.err.line, result.err.col];
  }
  validation.booleanAllowed = XMLValidator.validate(broken.booleanAttribute, { allowBooleanAttributes: true });
  validation.envelope = XMLValidator.validate(envelope);

  const thrown = (() => {
    try {
      new XMLParser().parse("<a><b></a>", true);
      return null;
    } catch (error) {
      return [error.name, error.message];
    }
  })();

  return {
    data: {
      orders,
      batch: { count: batch["@_count"], sandbox: batch["@_sandbox"], comment: batch["#comment"] ?? null },
      auth: parsed.Envelope.Header.Auth,
      note: batch.Order[0].Note,
      emptyNote: batch.Order[1].Note,
      flags: batch.Order[1].Flags,
      placed: batch.Order[0].Placed,
      defaults,
      strings,
      processed,
      withEntity,
      orderedTop: orderedTree.map((node) => Object.keys(node)),
      rebuilt,
      request,
      compact,
      roundTrip: JSON.stringify(roundTrip) === JSON.stringify(parsed),
      validation,
      thrown,
    },
  };
};
