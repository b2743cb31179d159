/** The {@code @Migration} annotation and the version type shared by Cairn's processor and runtime. */
module dev.cairn {
    exports dev.cairn;
}
