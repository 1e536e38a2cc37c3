//! The stateless-mapper proof: `scripts/spark_check.py` pipes a corpus through the binary in
//! Apache Spark partitions (local mode) and checks the union against a single-process run.
//! Skipped, with a message, when python3 lacks pyspark or java is absent; required when `CI` is
//! set (`.ci/run` installs pyspark).

mod common;

use std::process::Command;

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn spark_partitions_give_the_single_process_dataset() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let pyspark = available("python3", &["-c", "import pyspark"]);
    let java = available("java", &["-version"]);
    if !(pyspark && java) {
        assert!(
            std::env::var_os("CI").is_none(),
            "pyspark (pip install pyspark) and java are required when CI is set"
        );
        eprintln!(
            "skipping: needs python3 with pyspark and java (pyspark: {pyspark}, java: {java})"
        );
        return;
    }
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark_check.py");
    let out = Command::new("python3")
        .arg(script)
        .args(["--binary", env!("CARGO_BIN_EXE_newsgraph")])
        .arg("--corpus")
        .arg(shared.join("corpus/wikinews.jsonl"))
        .args(["--lines", "300", "--partitions", "4"])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "spark_check failed ({:?}):\n{stdout}\n{}",
        out.status.code(),
        stderr.lines().rev().take(30).collect::<Vec<_>>().join("\n")
    );
    assert!(stdout.contains("spark_check: OK"), "{stdout}");
}
