class Shape {
  static count = 0;
  #id;
  constructor(name) {
    this.name = name;
    Shape.count += 1;
    this.#id = Shape.count;
  }
  get id() {
    return this.#id;
  }
  area() {
    return 0;
  }
  describe() {
    return `${this.name}#${this.#id} area=${this.area().toFixed(2)}`;
  }
  static #secret() {
    return "static private";
  }
  static reveal() {
    return Shape.#secret();
  }
  static isShape(value) {
    return #id in value;
  }
}
class Circle extends Shape {
  constructor(radius) {
    super("circle");
    this.radius = radius;
  }
  area() {
    return Math.PI * this.radius ** 2;
  }
}
class Square extends Shape {
  constructor(side) {
    super("square");
    this.side = side;
  }
  area() {
    return this.side ** 2;
  }
  describe() {
    return super.describe() + " (square)";
  }
}
module.exports = async () => {
  const shapes = [new Circle(1), new Square(2)];
  return {
    data: {
      descriptions: shapes.map((shape) => shape.describe()),
      count: Shape.count,
      reveal: Shape.reveal(),
      json: shapes,
      proto: Object.getPrototypeOf(Circle) === Shape,
      hasPrivate: [...shapes, {}].map((value) => Shape.isShape(value)),
    },
  };
};
