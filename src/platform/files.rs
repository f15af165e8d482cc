//! Reading a file the reader picked (imports).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The largest import accepted (10 MiB).
pub const MAX_IMPORT_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// Why a file could not be read (the UI words it).
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// No file was chosen.
    NoFile,
    /// Larger than [`MAX_IMPORT_BYTES`]: its size in bytes.
    TooLarge(f64),
    /// The browser has no file reader.
    Unsupported,
    /// The content is not text.
    NotText,
}

/// Reads the first file of a file input as text and calls `done` with it, or with the reason.
pub fn read_first_file(input: &web_sys::HtmlInputElement, done: impl FnOnce(Result<String, FileError>) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        done(Err(FileError::NoFile));
        return;
    };
    if file.size() > MAX_IMPORT_BYTES {
        done(Err(FileError::TooLarge(file.size())));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(FileError::Unsupported));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let r2 = reader.clone();
    let onload = Closure::once(move |_: web_sys::ProgressEvent| {
        let result = r2.result().ok().and_then(|v| v.as_string()).ok_or(FileError::NotText);
        if let Some(f) = done.borrow_mut().take() {
            f(result);
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    if reader.read_as_text(&file).is_err() {
        // onload will not fire; nothing else to do (the closure is leaked once, which is fine for a rare error).
    }
    input.set_value("");
}

/// A file of a list: its name and bytes, or why it could not be read.
pub type ReadFile = (String, Result<Vec<u8>, FileError>);

/// The files of a file input or a drop, as a list (empty when there are none).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads one file's bytes (up to `max` bytes: a larger one is [`FileError::TooLarge`] without reading it)
/// and calls `done` with its name and the bytes.
pub fn read_bytes(file: &web_sys::File, max: f64, done: impl FnOnce(ReadFile) + 'static) {
    let name = file.name();
    if file.size() > max {
        done((name, Err(FileError::TooLarge(file.size()))));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        done((name, Err(FileError::Unsupported)));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (r2, d2, n2) = (reader.clone(), done.clone(), name.clone());
    let onload = Closure::once(move |_: web_sys::ProgressEvent| {
        let bytes = r2.result().ok().map(|v| js_sys::Uint8Array::new(&v).to_vec());
        if let Some(f) = d2.borrow_mut().take() {
            f((n2, bytes.ok_or(FileError::Unsupported)));
        }
    });
    let onerror = Closure::once(move |_: web_sys::ProgressEvent| {
        if let Some(f) = done.borrow_mut().take() {
            f((name, Err(FileError::Unsupported)));
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    reader.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onload.forget();
    onerror.forget();
    let _ = reader.read_as_array_buffer(file);
}
