//! SVG and PNG: the DOT of [`super::dot`] rendered by Graphviz's `dot` binary (stdin → stdout).

use super::{ExportError, Format};
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// Whether a Graphviz `dot` command can be run.
pub fn graphviz_available(command: &str) -> bool {
    Command::new(command)
        .arg("-V")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT text as SVG or PNG with the given `dot` command and writes the image.
pub fn render(
    dot_text: &str,
    format: Format,
    command: &str,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let flag = match format {
        Format::Svg => "-Tsvg",
        Format::Png => "-Tpng",
        other => {
            return Err(ExportError::Unrepresentable {
                format: other,
                what: "a Graphviz rendering (only svg and png are rendered)".into(),
            });
        }
    };
    let mut child = Command::new(command)
        .arg(flag)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                ExportError::GraphvizMissing
            } else {
                ExportError::Write { format, source: e }
            }
        })?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    // Feed stdin and drain stderr on their own threads while stdout is read here: no pipe can
    // fill up and block the others.
    let (image, err_text, write_result) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> std::io::Result<()> {
            if let Some(mut w) = stdin.take() {
                w.write_all(dot_text.as_bytes())?;
            }
            Ok(())
        });
        let err_reader = scope.spawn(move || {
            let mut text = String::new();
            if let Some(mut e) = stderr.take() {
                let _ = e.read_to_string(&mut text);
            }
            text
        });
        let mut image = Vec::new();
        let read = match stdout.take() {
            Some(mut o) => o.read_to_end(&mut image).map(|_| ()),
            None => Ok(()),
        };
        let write_result = writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("stdin writer panicked")));
        let err_text = err_reader.join().unwrap_or_default();
        (read.map(|_| image), err_text, write_result)
    });
    let status = child
        .wait()
        .map_err(|e| ExportError::Write { format, source: e })?;
    if !status.success() {
        return Err(ExportError::Graphviz {
            format,
            status: status.to_string(),
            stderr: err_text.trim().to_string(),
        });
    }
    write_result.map_err(|e| ExportError::Write { format, source: e })?;
    let image = image.map_err(|e| ExportError::Write { format, source: e })?;
    if image.is_empty() {
        return Err(ExportError::Graphviz {
            format,
            status: status.to_string(),
            stderr: format!("no output; {}", err_text.trim()),
        });
    }
    out.write_all(&image).map_err(ExportError::write(format))
}
