module.exports = async () => ({ data: { big: 10n } });
