//! `presseschau bench link` (placeholder until the benchmark lands).

pub fn run(_args: &[String]) -> i32 {
    eprintln!("not yet");
    1
}
