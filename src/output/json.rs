//! JSON: the records of all files as one array; [`super::Sink`] adds the brackets and the commas
//! between files.

use std::io;

use super::object::ObjectWriter;
use crate::record::Record;

pub fn render(records: &[Record], out: &mut Vec<u8>) -> io::Result<()> {
    let mut writer = ObjectWriter::default();
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        out.extend_from_slice(b"  ");
        writer.write(r, out);
    }
    Ok(())
}
