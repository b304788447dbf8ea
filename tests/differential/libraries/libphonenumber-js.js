// paste libphonenumber = libphonenumber-js/bundle/libphonenumber-min.js
// Phone numbers as forms deliver them: parsing with and without a default country, validity, E.164,
// national and international formats, and the type of number.
module.exports = async () => {
  const inputs = [["+1 415 555 2671"], ["(415) 555-2671", "US"], ["030 1234567", "DE"], ["+44 20 7946 0958"], ["12345", "US"], ["+81 3-1234-5678"]];
  const parsed = inputs.map(([text, country]) => {
    const number = libphonenumber.parsePhoneNumberFromString(text, country);
    if (!number) return { text, parsed: false };
    return {
      text,
      country: number.country,
      e164: number.number,
      national: number.formatNational(),
      international: number.formatInternational(),
      uri: number.getURI(),
      valid: number.isValid(),
      possible: number.isPossible(),
    };
  });
  return {
    data: {
      parsed,
      asYouType: new libphonenumber.AsYouType("US").input("4155552671"),
      callingCode: libphonenumber.getCountryCallingCode("DE"),
      isValid: libphonenumber.isValidPhoneNumber("+4930123456", "DE"),
    },
  };
};
