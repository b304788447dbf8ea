//! The members of a block's `context`, defined once: each member's name, TypeScript type, doc line and
//! where the worker gets its value. The engine builds the context from this table, the editor completes
//! `context.` from the module generated from it, and export ships the `.d.ts` generated from it, so a new
//! member is added in one place.

mod members;
mod typescript;

pub use members::{
    context_member, run_value_members, ContextMember, Provider, TypeDeclaration, CONTEXT_MEMBERS,
    CONTEXT_TYPES,
};
pub use typescript::{declaration_file, editor_module, DECLARATION_FILE_NAME};
