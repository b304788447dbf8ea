class Money {
  constructor(cents) {
    this.cents = cents;
  }
  toJSON(key) {
    return `${key}:${(this.cents / 100).toFixed(2)}`;
  }
}
module.exports = async () => ({
  data: { price: new Money(1999), list: [new Money(5)], nested: { toJSON: () => ({ replaced: true }) } },
});
