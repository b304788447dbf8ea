module.exports = async ({ logger }, payload) => {
  const rows = payload.body.data.map((row) => `${row.name},${row.count}`);
  logger.info("rows", rows.length);
  return {
    payload: { received: rows.length },
    response: {
      statusCode: 201,
      contentType: "text/csv",
      body: ["name,count", ...rows].join("\n"),
      headers: { "X-Rows": String(rows.length) },
    },
  };
};
