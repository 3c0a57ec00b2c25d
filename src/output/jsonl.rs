//! JSON Lines: one flat object per record, so `jq 'select(.kind=="date")'` works line by line.

use std::io;

use crate::record::Record;

pub fn render(records: &[Record], out: &mut Vec<u8>) -> io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        out.push(b'\n');
    }
    Ok(())
}
