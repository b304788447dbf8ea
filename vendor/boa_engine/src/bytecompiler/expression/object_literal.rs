use crate::{
    JsString,
    bytecompiler::{Access, ByteCompiler, FunctionSpec, MethodKind, Register, ToJsString},
    vm::object_literal::ObjectLiteralShape,
};
use boa_ast::{
    Expression,
    expression::literal::{ObjectLiteral, PropertyDefinition},
    property::{MethodDefinitionKind, PropertyName},
};
use boa_interner::Sym;
use thin_vec::ThinVec;

impl ByteCompiler<'_> {
    pub(crate) fn compile_object_literal(&mut self, literal: &ObjectLiteral, dst: &Register) {
        let made_at_once = self.compile_leading_plain_properties(literal, dst);

        for property in &literal.properties()[made_at_once..] {
            match property {
                PropertyDefinition::IdentifierReference(ident) => {
                    let value = self.register_allocator.alloc();
                    self.access_get(Access::Variable { name: *ident }, &value);
                    let index = self.get_or_insert_name(ident.sym());
                    self.bytecode.emit_define_own_property_by_name(
                        dst.variable(),
                        value.variable(),
                        index.into(),
                    );
                    self.register_allocator.dealloc(value);
                }
                PropertyDefinition::Property(name, expr) => match name {
                    PropertyName::Literal(name) => {
                        let value = self.register_allocator.alloc();
                        self.compile_expr(expr, &value);
                        if *name == Sym::__PROTO__ && !self.json_parse {
                            self.bytecode
                                .emit_set_prototype(dst.variable(), value.variable());
                        } else {
                            let index = self.get_or_insert_name(name.sym());
                            self.bytecode.emit_define_own_property_by_name(
                                dst.variable(),
                                value.variable(),
                                index.into(),
                            );
                        }
                        self.register_allocator.dealloc(value);
                    }
                    PropertyName::Computed(name_node) => {
                        let key = self.register_allocator.alloc();
                        self.compile_expr(name_node, &key);
                        self.bytecode
                            .emit_to_property_key(key.variable(), key.variable());
                        let function = self.register_allocator.alloc();
                        self.compile_expr(expr, &function);
                        if expr.is_anonymous_function_definition() {
                            self.bytecode.emit_set_function_name(
                                function.variable(),
                                key.variable(),
                                0u32.into(),
                            );
                        }
                        self.bytecode.emit_define_own_property_by_value(
                            function.variable(),
                            key.variable(),
                            dst.variable(),
                        );
                        self.register_allocator.dealloc(key);
                        self.register_allocator.dealloc(function);
                    }
                },
                PropertyDefinition::MethodDefinition(m) => {
                    let kind = match m.kind() {
                        MethodDefinitionKind::Get => MethodKind::Get,
                        MethodDefinitionKind::Set => MethodKind::Set,
                        _ => MethodKind::Ordinary,
                    };
                    match m.name() {
                        PropertyName::Literal(name) => {
                            let method = self.object_method(m.into(), kind);
                            self.bytecode
                                .emit_set_home_object(method.variable(), dst.variable());
                            let index = self.get_or_insert_name(name.sym());
                            match kind {
                                MethodKind::Get => self.bytecode.emit_set_property_getter_by_name(
                                    dst.variable(),
                                    method.variable(),
                                    index.into(),
                                ),
                                MethodKind::Set => self.bytecode.emit_set_property_setter_by_name(
                                    dst.variable(),
                                    method.variable(),
                                    index.into(),
                                ),
                                MethodKind::Ordinary => {
                                    self.bytecode.emit_define_own_property_by_name(
                                        dst.variable(),
                                        method.variable(),
                                        index.into(),
                                    );
                                }
                            }
                            self.register_allocator.dealloc(method);
                        }
                        PropertyName::Computed(name_node) => {
                            self.compile_object_literal_computed_method(
                                name_node,
                                m.into(),
                                kind,
                                dst,
                            );
                        }
                    }
                }
                PropertyDefinition::SpreadObject(expr) => {
                    let source = self.register_allocator.alloc();
                    self.compile_expr(expr, &source);
                    self.bytecode.emit_copy_data_properties(
                        dst.variable(),
                        source.variable(),
                        ThinVec::new(),
                    );
                    self.register_allocator.dealloc(source);
                }
                PropertyDefinition::CoverInitializedName(_, _) => {
                    unreachable!("invalid assignment pattern in object literal")
                }
            }
        }
    }

    /// Makes the literal's object in `dst` with its leading `name: value` and shorthand properties of plain
    /// names at once (`StoreObjectLiteral`, patched: see `vm::object_literal`), their values evaluated in order
    /// first; `{}` when the literal does not start with one. Returns how many properties it made.
    fn compile_leading_plain_properties(
        &mut self,
        literal: &ObjectLiteral,
        dst: &Register,
    ) -> usize {
        /// A literal's first properties beyond this many take one instruction each, so that a large table
        /// does not hold a register per property for the whole function.
        const MOST_AT_ONCE: usize = 32;

        let mut names: Vec<JsString> = Vec::new();
        for property in literal.properties().iter().take(MOST_AT_ONCE) {
            let name = match property {
                PropertyDefinition::IdentifierReference(ident) => ident.sym(),
                PropertyDefinition::Property(PropertyName::Literal(name), _) => name.sym(),
                _ => break,
            };
            let name = name.to_js_string(self.interner());
            if !ObjectLiteralShape::takes_name(&name, &names) {
                break;
            }
            names.push(name);
        }
        if names.is_empty() {
            self.bytecode.emit_store_empty_object(dst.variable());
            return 0;
        }

        let values: Vec<Register> = literal.properties()[..names.len()]
            .iter()
            .map(|property| {
                let value = self.register_allocator.alloc();
                match property {
                    PropertyDefinition::IdentifierReference(ident) => {
                        self.access_get(Access::Variable { name: *ident }, &value);
                    }
                    PropertyDefinition::Property(_, expr) => self.compile_expr(expr, &value),
                    _ => unreachable!("only plain properties are made at once"),
                }
                value
            })
            .collect();
        let made = names.len();
        let index = self.object_literals.len() as u32;
        self.object_literals
            .push(ObjectLiteralShape::new(names.into_boxed_slice()));
        self.bytecode.emit_store_object_literal(
            dst.variable(),
            index.into(),
            values.iter().map(Register::variable).collect(),
        );
        for value in values.into_iter().rev() {
            self.register_allocator.dealloc(value);
        }
        made
    }

    fn compile_object_literal_computed_method(
        &mut self,
        expr: &Expression,
        function: FunctionSpec<'_>,
        kind: MethodKind,
        object: &Register,
    ) {
        let key = self.register_allocator.alloc();
        self.compile_expr(expr, &key);

        self.bytecode
            .emit_to_property_key(key.variable(), key.variable());

        let method = self.object_method(function, kind);
        let value: u32 = match kind {
            MethodKind::Get => 1,
            MethodKind::Set => 2,
            MethodKind::Ordinary => 0,
        };

        self.bytecode
            .emit_set_function_name(method.variable(), key.variable(), value.into());
        self.bytecode
            .emit_set_home_object(method.variable(), object.variable());

        match kind {
            MethodKind::Get => self.bytecode.emit_set_property_getter_by_value(
                method.variable(),
                key.variable(),
                object.variable(),
            ),
            MethodKind::Set => self.bytecode.emit_set_property_setter_by_value(
                method.variable(),
                key.variable(),
                object.variable(),
            ),
            MethodKind::Ordinary => self.bytecode.emit_define_own_property_by_value(
                method.variable(),
                key.variable(),
                object.variable(),
            ),
        }

        self.register_allocator.dealloc(key);
        self.register_allocator.dealloc(method);
    }
}
