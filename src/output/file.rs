//! Writing an output file (`-o`) so that nothing at its path is lost or opened up: a regular file
//! is replaced whole, through a temporary file beside it renamed into place only when complete,
//! and keeps its mode; a symlink is written through to its target; a device or FIFO is written
//! as it is. The temporary file is removed on every error, on SIGINT, SIGTERM and SIGHUP, and on a
//! panic.

use std::ffi::CString;
use std::fs;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::ptr::null_mut;
use std::sync::Once;
use std::sync::atomic::{AtomicPtr, Ordering};

/// Where an output's bytes go: a temporary file to rename over the path, or the path itself.
pub enum OutputFile {
    Temporary(tempfile::NamedTempFile),
    /// A device or FIFO, which a rename would replace.
    Direct(fs::File),
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutputFile::Temporary(f) => f.write(buf),
            OutputFile::Direct(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutputFile::Temporary(f) => f.flush(),
            OutputFile::Direct(f) => f.flush(),
        }
    }
}

/// Where writing to `path` lands: its symlinks followed (40 at most, as the kernel allows), the
/// last target whether it exists or not.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&at)?;
                // A relative target is relative to the link's folder; an absolute one replaces it.
                at = at.parent().map_or(target.clone(), |dir| dir.join(&target));
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Writes `path` with what `body` writes, which is handed a buffered writer and gives it back
/// when done. A regular file (or a new one) is written through a temporary file beside it, renamed
/// into place only when `body` and the writes succeeded; an existing file keeps its mode, a new
/// one gets 0666 less the umask.
pub fn with_output_file<T>(
    path: &Path,
    body: impl FnOnce(io::BufWriter<OutputFile>) -> io::Result<(T, io::BufWriter<OutputFile>)>,
) -> io::Result<T> {
    // Small: a file's records, rendered into one chunk, mostly outgrow it and are written as
    // they are instead of being copied into it.
    const BUFFER: usize = 1 << 13;
    let target = resolve(path)?;
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = existing.as_ref().filter(|m| !m.is_file()) {
        if m.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        let file = fs::OpenOptions::new().write(true).open(&target)?;
        let (value, buffered) = body(io::BufWriter::with_capacity(
            BUFFER,
            OutputFile::Direct(file),
        ))?;
        buffered.into_inner().map_err(|e| e.into_error())?;
        return Ok(value);
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    install_removal();
    let tmp = tempfile::Builder::new()
        .prefix(".baocao-")
        .suffix(".part")
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    let registered = Registered::new(tmp.path());
    let (value, buffered) = body(io::BufWriter::with_capacity(
        BUFFER,
        OutputFile::Temporary(tmp),
    ))?;
    let OutputFile::Temporary(tmp) = buffered.into_inner().map_err(|e| e.into_error())? else {
        unreachable!("a temporary file was handed to the body");
    };
    if let Some(m) = existing {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    drop(registered);
    Ok(value)
}

/// Temporary files being written, for the signal handler and the panic hook to remove. The paths
/// are C strings leaked on purpose: a handler may read one at any moment, so none is ever freed
/// (one short path per output file).
static TEMP_FILES: [AtomicPtr<libc::c_char>; 8] = [const { AtomicPtr::new(null_mut()) }; 8];

/// A temporary file's place in [`TEMP_FILES`], given up when dropped.
struct Registered(Option<usize>);

impl Registered {
    fn new(path: &Path) -> Self {
        let Ok(path) = CString::new(path.as_os_str().as_bytes()) else {
            return Registered(None);
        };
        let path = CString::into_raw(path);
        let slot = TEMP_FILES.iter().position(|slot| {
            slot.compare_exchange(null_mut(), path, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        });
        if slot.is_none() {
            // SAFETY: `path` came from `into_raw` above and no handler has seen it.
            drop(unsafe { CString::from_raw(path) });
        }
        Registered(slot)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(slot) = self.0 {
            TEMP_FILES[slot].store(null_mut(), Ordering::SeqCst);
        }
    }
}

/// Removes the registered temporary files; async-signal-safe (atomic loads and unlink(2)).
fn remove_temp_files() {
    for slot in &TEMP_FILES {
        let path = slot.load(Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: a registered path is a NUL-terminated string that is never freed.
            unsafe { libc::unlink(path) };
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files and exits with 128 + the signal
/// (130, 143, 129, as a shell reports a process the signal ended); on a panic, removes them before
/// the default report (a release build then aborts, which skips destructors).
fn install_removal() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // SAFETY: the action only loads atomics and calls unlink(2) and _exit(2), all
            // async-signal-safe.
            let registered = unsafe {
                signal_hook::low_level::register(signal, move || {
                    remove_temp_files();
                    signal_hook::low_level::exit(128 + signal);
                })
            };
            // Without the handler the signal keeps its default action, which loses only the
            // clean-up.
            drop(registered);
        }
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            remove_temp_files();
            report(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panic hook removes every registered temporary file, as a panic ends the process: the
    /// test that panics on purpose would remove the others' files, so these tests take turns.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
        ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn write(path: &Path, text: &str) -> io::Result<()> {
        with_output_file(path, |mut w| {
            w.write_all(text.as_bytes())?;
            Ok(((), w))
        })
    }

    #[test]
    fn symlinks_are_written_through_and_modes_kept() {
        let _turn = one_at_a_time();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.jsonl");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink("target.jsonl", &link).unwrap();
        write(&link, "new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // A dangling link gets its target created.
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("made.jsonl"), &dangling).unwrap();
        write(&dangling, "made").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("made.jsonl")).unwrap(),
            "made"
        );
    }

    #[test]
    fn a_failed_body_leaves_the_file_and_no_temporary() {
        let _turn = one_at_a_time();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        fs::write(&out, "kept").unwrap();
        let failed: io::Result<()> = with_output_file(&out, |mut w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("stop"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A release build aborts on a panic, skipping the destructor that removes the temporary file:
    /// the panic hook removes it first.
    #[test]
    fn a_panic_removes_the_temporary_file() {
        let _turn = one_at_a_time();
        let dir = tempfile::tempdir().unwrap();
        let mut removed = false;
        let renamed = with_output_file(&dir.path().join("out.jsonl"), |w| {
            let OutputFile::Temporary(tmp) = w.get_ref() else {
                panic!("a temporary file");
            };
            let existed = tmp.path().exists();
            let _ = std::panic::catch_unwind(|| panic!("a worker failed"));
            removed = existed && !tmp.path().exists();
            Ok(((), w))
        });
        assert!(removed);
        // The rename then fails: there is nothing to rename.
        assert!(renamed.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn fifos_are_written_as_they_are() {
        let _turn = one_at_a_time();
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, "through").unwrap();
        assert_eq!(reader.join().unwrap(), "through");
        assert!(!fs::metadata(&fifo).unwrap().is_file());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(write(dir.path(), "x").is_err());
    }
}
