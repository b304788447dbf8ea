// Blob, File and FormData as Node 20 has them: building, slicing and reading blobs, FormData's entries, and a
// FormData body written as multipart/form-data and read back (the random boundary replaced by a fixed one).
module.exports = async () => {
  const blob = new Blob(["héllo ", new Uint8Array([119, 111]), new Blob(["rld"])], { type: "Text/Plain" });
  const sliced = blob.slice(1, -2, "Application/X-Thing");
  const file = new File(["{\"a\":1}"], "data.json", { type: "application/json", lastModified: 1700000000000 });

  const form = new FormData();
  form.append("name", "Ada");
  form.append("name", "Grace");
  form.append("line\"breaks\n", "one\ntwo\r\nthree\rfour");
  form.append("upload", file);
  form.append("raw", new Blob([new Uint8Array([0, 1, 2, 255])]));
  form.append("renamed", file, "other.json");
  form.set("single", "x");
  form.set("name", "Linus");
  const describe = (value) =>
    typeof value === "string" ? value : { kind: Object.prototype.toString.call(value), name: value.name, type: value.type, size: value.size };

  const response = new Response(form);
  const contentType = response.headers.get("content-type");
  const boundary = contentType.split("boundary=")[1];
  const multipart = (await response.text()).replaceAll(boundary, "BOUNDARY");
  const parsed = await new Response(form).formData();
  const parsedFile = parsed.get("upload");
  const urlEncoded = await new Response("a=1&b=%20x&a=2", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
  }).formData();

  // A part without its own Content-Type, a quoted boundary, and a body that is not multipart at all.
  const handWritten = await new Response(
    '--X\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhello\r\n--X\r\nContent-Disposition: form-data; name="t"\r\n\r\nplain\r\n--X--\r\n',
    { headers: { "content-type": 'multipart/form-data; boundary="X"' } },
  ).formData();
  let garbage;
  try {
    await new Response("garbage", { headers: { "content-type": "multipart/form-data; boundary=X" } }).formData();
  } catch (error) {
    garbage = `${error.name}: ${error.message}`;
  }
  let badFormData;
  try {
    await new Response("plain").formData();
  } catch (error) {
    badFormData = `${error.name}: ${error.message}`;
  }
  const blobBody = new Request("http://example.test/", { method: "POST", body: new Blob(["{}"], { type: "application/json" }) });
  const responseBlob = await new Response("text body").blob();

  return {
    data: {
      blob: { size: blob.size, type: blob.type, text: await blob.text(), bytes: [...(await blob.bytes()).slice(0, 3)] },
      sliced: { size: sliced.size, type: sliced.type, text: await sliced.text() },
      negativeSlice: await blob.slice(-3).text(),
      arrayBuffer: (await blob.arrayBuffer()).byteLength,
      nonAsciiType: new Blob([], { type: "tëxt/plain" }).type,
      file: { name: file.name, type: file.type, size: file.size, lastModified: file.lastModified, text: await file.text() },
      fileIsBlob: file instanceof Blob,
      tags: [String(blob), String(file), String(form)],
      entries: [...form].map(([key, value]) => [key, describe(value)]),
      getAll: form.getAll("name"),
      has: [form.has("single"), form.has("missing")],
      missing: form.get("missing"),
      keys: [...form.keys()],
      contentType: contentType.replace(boundary, "BOUNDARY"),
      boundaryShape: /^----formdata-undici-0\d{11}$/.test(boundary),
      multipart,
      parsed: [...parsed].map(([key, value]) => [key, describe(value)]),
      parsedFileText: await parsedFile.text(),
      urlEncoded: [...urlEncoded],
      badFormData,
      handWritten: [...handWritten].map(([key, value]) => [key, describe(value)]),
      garbage,
      blobBodyType: blobBody.headers.get("content-type"),
      blobBodyText: await blobBody.text(),
      responseBlob: { type: responseBlob.type, size: responseBlob.size },
    },
  };
};
