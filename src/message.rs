//! Messages for the command line's users: what went wrong in words, without the operating
//! system's error numbers or the names of files the user never made.

use std::io;

/// An I/O error in words: `no such file or folder`, not `No such file or directory (os error 2)`,
/// and never the temporary file's path that some errors carry (`… at path ".baocao-x.part"`).
pub fn reason(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let words = match e.kind() {
        K::NotFound => "no such file or folder",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "is a folder",
        K::NotADirectory => "a part of the path is not a folder",
        K::StorageFull => "no space left on the device",
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::InvalidFilename => "the name is too long or not allowed",
        K::CrossesDevices => "it is on another device",
        _ => "",
    };
    if !words.is_empty() {
        return words.to_string();
    }
    let text = e.to_string();
    let text = text.split(" at path ").next().unwrap_or_default();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "an unknown error".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_in_words() {
        let os = |code| reason(&io::Error::from_raw_os_error(code));
        assert_eq!(os(2), "no such file or folder");
        assert_eq!(os(13), "permission denied");
        assert_eq!(os(28), "no space left on the device");
        // EIO has no words of ours: the system's, less its number.
        assert_eq!(os(5), "input/output error");
        let temp = io::Error::other(
            "Disk quota exceeded (os error 122) at path \"/d/.baocao-yoN6Gg.part\"",
        );
        assert_eq!(reason(&temp), "disk quota exceeded");
    }
}
