fn main() {
    topocloud_site::start(topocloud_site::App);
}
