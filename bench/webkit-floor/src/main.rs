//! A bare Tauri v2 window: the floor under any Tauri app's memory. It shows its bundled one-line page, or the page
//! at `WEBKIT_FLOOR_PAGE` (a URL), so bench/webkit-floor.mjs can also weigh one part of Blocksmith's window at a
//! time (React alone, Monaco alone) over the same floor.
use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let page = match std::env::var("WEBKIT_FLOOR_PAGE") {
                Ok(url) => WebviewUrl::External(url.parse()?),
                Err(_) => WebviewUrl::App("index.html".into()),
            };
            WebviewWindowBuilder::new(app, "main", page)
                .title("webkit-floor")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the window opens");
}
