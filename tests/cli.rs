//! The command line, run as a process: `analyze` on the seeds and on bad files.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_presseschau"))
}

#[test]
fn analyze_seeds_as_json() {
    let out = bin()
        .args(["analyze", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let dw = articles
        .iter()
        .find(|a| a["source_file"] == "000_9231e74c5d74b581.txt")
        .unwrap();
    assert_eq!(dw["title"], "Russisch-türkische Militärkooperation steht");
    assert_eq!(dw["date"], "2020-12-29");
    assert_eq!(dw["date_precision"], "day");
    assert_eq!(dw["date_origin"], "dateline");
    assert_eq!(dw["outlet"], "DW");
    assert!(dw["markdown"].as_str().unwrap().contains("## Streit seit 2017"));
    assert!(
        dw["removed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["reason"] == "skip_link")
    );
    // entities with code point offsets into the clean text
    let entities = dw["entities"].as_array().unwrap();
    let lawrow = entities
        .iter()
        .find(|e| e["label"].as_str().is_some_and(|l| l.contains("Lawrow")))
        .unwrap();
    assert_eq!(lawrow["kind"], "person");
    let m = &lawrow["mentions"][0];
    assert!(m["end"].as_u64().unwrap() > m["start"].as_u64().unwrap());
}

#[test]
fn bad_files_get_an_error_each_and_the_rest_still_comes_out() {
    let dir = std::env::temp_dir().join(format!("presseschau-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a_gut.txt"),
        "Ein brauchbarer Titel hier\n\nDer Text. Noch ein Satz.",
    )
    .unwrap();
    std::fs::write(dir.join("b_leer.txt"), "").unwrap();
    std::fs::write(dir.join("c_kaputt.txt"), [0xc3, 0x28, b'a']).unwrap();
    std::fs::write(dir.join("d_binaer.txt"), [0u8, 1, 2, 3, 0, 0, 7]).unwrap();
    let out = bin()
        .args(["analyze", dir.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "one file was readable: exit 0");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, says) in [
        ("b_leer.txt", "empty"),
        ("c_kaputt.txt", "UTF-8"),
        ("d_binaer.txt", "binary"),
    ] {
        assert!(
            stderr.contains(file) && stderr.contains(says),
            "no clear error for {file}: {stderr}"
        );
    }

    // nothing readable: non-zero exit
    let out = bin()
        .args(["analyze", dir.join("b_leer.txt").to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let out = bin()
        .args(["analyze", dir.join("gibt-es-nicht.txt").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_command_is_a_usage_error() {
    let out = bin().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));
}

#[test]
fn a_site_url_that_is_not_a_web_address_is_refused() {
    let dir = std::env::temp_dir().join(format!("presseschau-site-url-{}", std::process::id()));
    for bad in ["javascript:alert(1)", "https://x.example/\"><script>"] {
        let out = bin()
            .args(["site", dir.to_str().unwrap(), "--site-url", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--site-url must be an http(s) address"));
    }
    assert!(!dir.join("index.html").exists(), "nothing written");
}
