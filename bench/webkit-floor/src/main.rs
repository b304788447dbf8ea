//! A bare Tauri v2 window over a one-line page: the floor under any Tauri app's memory.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the window opens");
}
