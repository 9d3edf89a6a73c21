//! Entry point of the Wasm binary: mount only.
fn main() {
    zielsteuerung::start();
}
