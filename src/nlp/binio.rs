//! Little-endian binary encoding of model files: 4-byte magic, format version, payload, and a
//! trailing FNV-1a 64 checksum of everything before it.

use super::NlpError;

const VERSION: u32 = 1;

/// Appends little-endian values to a buffer.
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A writer starting with `magic` and the format version.
    pub fn new(magic: [u8; 4]) -> Self {
        let mut w = Writer { buf: Vec::new() };
        w.buf.extend_from_slice(&magic);
        w.u32(VERSION);
        w
    }
    /// Writes a u32.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an f32.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes raw bytes (length not included).
    pub fn bytes(&mut self, v: &[u8]) {
        self.buf.extend_from_slice(v);
    }
    /// Writes u32s (length not included).
    pub fn u32s(&mut self, v: &[u32]) {
        for x in v {
            self.u32(*x);
        }
    }
    /// Writes i16s (length not included).
    pub fn i16s(&mut self, v: &[i16]) {
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    /// Writes a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Finishes: appends the checksum and returns the bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let c = checksum(&self.buf);
        self.buf.extend_from_slice(&c.to_le_bytes());
        self.buf
    }
}

fn checksum(b: &[u8]) -> u64 {
    // FNV-1a over 8-byte words (fast), then the tail bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h ^= u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    for &x in chunks.remainder() {
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Reads little-endian values from a checked buffer.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    name: String,
}

impl<'a> Reader<'a> {
    /// Checks magic, version and checksum of `buf`; `name` labels errors.
    pub fn new(buf: &'a [u8], magic: [u8; 4], name: &str) -> Result<Self, NlpError> {
        let err = |m: &str| NlpError::Model {
            model: name.to_string(),
            offset: 0,
            message: m.to_string(),
        };
        if buf.len() < 16 || buf[..4] != magic {
            return Err(err("bad magic"));
        }
        let body = &buf[..buf.len() - 8];
        let mut c = [0u8; 8];
        c.copy_from_slice(&buf[buf.len() - 8..]);
        if checksum(body) != u64::from_le_bytes(c) {
            return Err(err("checksum mismatch"));
        }
        let mut r = Reader {
            buf: body,
            pos: 4,
            name: name.to_string(),
        };
        if r.u32()? != VERSION {
            return Err(err("unsupported format version"));
        }
        Ok(r)
    }
    /// An error at the current offset.
    pub fn error(&self, m: &str) -> NlpError {
        NlpError::Model {
            model: self.name.clone(),
            offset: self.pos,
            message: m.to_string(),
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        if self.pos + n > self.buf.len() {
            return Err(self.error("truncated"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    /// Reads a u32.
    pub fn u32(&mut self) -> Result<u32, NlpError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Reads an f32.
    pub fn f32(&mut self) -> Result<f32, NlpError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// Reads `n` raw bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        self.take(n)
    }
    /// Reads `n` u32s.
    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, NlpError> {
        let b = self.take(n.checked_mul(4).ok_or_else(|| self.error("size"))?)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    /// Reads `n` i16s.
    pub fn i16s(&mut self, n: usize) -> Result<Vec<i16>, NlpError> {
        let b = self.take(n.checked_mul(2).ok_or_else(|| self.error("size"))?)?;
        Ok(b.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect())
    }
    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> Result<String, NlpError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.error("bad utf-8"))
    }
    /// Whether everything was read.
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}
