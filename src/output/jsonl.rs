//! JSON Lines: one flat object per record, so `jq 'select(.kind=="date")'` works line by line.

use std::io;

use super::object::ObjectWriter;
use crate::record::Record;

pub fn render(records: &[Record], out: &mut Vec<u8>) -> io::Result<()> {
    let mut writer = ObjectWriter::default();
    for r in records {
        writer.write(r, out);
        out.push(b'\n');
    }
    Ok(())
}
