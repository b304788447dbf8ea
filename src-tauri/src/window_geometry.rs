//! Keeps the main window's size and place between starts: restored before the window is shown, and saved while
//! the person moves or resizes it. Saving waits until the window has been still for a moment, so a drag writes the
//! settings file once, not once per pixel; and it does not wait for the window to close, because an app that is
//! killed (or ended by a test driver) never sees its close event.

use std::path::PathBuf;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

use tauri::{PhysicalPosition, PhysicalSize, WebviewWindow, WindowEvent};

use crate::settings::{Settings, WindowGeometry};

/// How long the window must be still before its geometry is written.
const SETTLE: Duration = Duration::from_millis(400);

/// Smaller than this is not restored (a window that was squeezed to nothing, or a broken settings file).
const MIN_RESTORED: (u32, u32) = (400, 300);

/// Restores the geometry saved in `config_dir`, then keeps saving it as the window changes.
pub fn remember(window: &WebviewWindow, config_dir: PathBuf) {
    if let Some(saved) = Settings::load(&config_dir).window {
        restore(window, saved);
    }
    let changes = saver(config_dir);
    let observed = window.clone();
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            if let Some(geometry) = current(&observed) {
                let _ = changes.send(geometry);
            }
        }
    });
}

fn restore(window: &WebviewWindow, saved: WindowGeometry) {
    if saved.width < MIN_RESTORED.0 || saved.height < MIN_RESTORED.1 {
        return;
    }
    // Failing to restore leaves the window where the configuration puts it: nothing is lost.
    let _ = window.set_size(PhysicalSize::new(saved.width, saved.height));
    let _ = window.set_position(PhysicalPosition::new(saved.x, saved.y));
    if saved.maximized {
        let _ = window.maximize();
    }
}

/// The window's geometry now: its inner size (what `set_size` sets) and outer position (what `set_position` sets).
fn current(window: &WebviewWindow) -> Option<WindowGeometry> {
    let size = window.inner_size().ok()?;
    let position = window.outer_position().ok()?;
    Some(WindowGeometry {
        width: size.width,
        height: size.height,
        x: position.x,
        y: position.y,
        maximized: window.is_maximized().ok()?,
    })
}

/// What is saved for `now`: a maximised window keeps the size and place it had before, so that un-maximising
/// it after the next start gives them back.
fn to_save(now: WindowGeometry, saved: Option<WindowGeometry>) -> WindowGeometry {
    match saved {
        Some(before) if now.maximized => WindowGeometry {
            maximized: true,
            ..before
        },
        _ => now,
    }
}

/// A thread that writes the last geometry it was sent once no newer one arrived for `SETTLE`.
fn saver(config_dir: PathBuf) -> Sender<WindowGeometry> {
    let (sender, changes) = channel::<WindowGeometry>();
    std::thread::spawn(move || {
        let mut pending: Option<WindowGeometry> = None;
        loop {
            match changes.recv_timeout(SETTLE) {
                Ok(geometry) => pending = Some(geometry),
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(geometry) = pending.take() {
                        Settings::update(&config_dir, |settings| {
                            settings.window = Some(to_save(geometry, settings.window))
                        });
                    }
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    });
    sender
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_maximised_window_keeps_the_size_it_had_before() {
        let before = WindowGeometry {
            width: 1000,
            height: 700,
            x: 40,
            y: 30,
            maximized: false,
        };
        let maximised = WindowGeometry {
            width: 1920,
            height: 1080,
            x: 0,
            y: 0,
            maximized: true,
        };
        assert_eq!(
            to_save(maximised, Some(before)),
            WindowGeometry {
                maximized: true,
                ..before
            }
        );
        assert_eq!(to_save(maximised, None), maximised);
        assert_eq!(to_save(before, Some(maximised)), before);
    }
}
