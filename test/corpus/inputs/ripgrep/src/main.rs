fn main() {
    let total = 42;
    println!("{}", total);
}
