module.exports = async ({ configVars, logger }) => {
  const basic = configVars["My Basic"];
  const oauth = configVars["My OAuth"];
  const apiKey = configVars["My API Key"];
  const authorization = "Basic " + btoa(`${basic.fields.username}:${basic.fields.password}`);
  logger.info("kinds", basic.key, oauth.key, apiKey.key);
  return {
    data: {
      authorization,
      bearer: `${oauth.token.token_type} ${oauth.token.access_token}`,
      scopes: oauth.fields.scopes.split(" "),
      expiresIn: oauth.token.expires_in,
      apiKeyHeader: { "X-API-Key": apiKey.fields.apiKey },
      plainVar: configVars["App Base URL"],
    },
  };
};
