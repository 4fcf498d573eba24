using System.Text.Json;

namespace Liaison.Exchange.Identity;

/// <summary>
/// The <c>keys/</c> folder of a node's data directory: <c>identity.json</c> and one
/// <c>&lt;kid&gt;.key.pem</c> (encrypted PKCS#8) per private key. Files are written to a temporary
/// name and renamed, so a crash never leaves a half-written manifest; on Unix they are made
/// readable by the owner only.
/// </summary>
internal sealed class KeyFolder(string dataDirectory)
{
    public const string FolderName = "keys";
    public const string ManifestName = "identity.json";

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FolderName);

    public string ManifestPath => System.IO.Path.Combine(Path, ManifestName);

    public bool HasManifest => File.Exists(ManifestPath);

    public static string KeyFileName(string kid) => kid + ".key.pem";

    public KeyManifest ReadManifest()
    {
        if (!HasManifest)
        {
            throw new KeyStoreException($"no node keys in {Path}: run 'liaison keys init' first");
        }
        return JsonSerializer.Deserialize<KeyManifest>(File.ReadAllText(ManifestPath), ExchangeJson.Indented)
               ?? throw new KeyStoreException($"{ManifestPath} is empty");
    }

    public void WriteManifest(KeyManifest manifest) => WriteAtomically(ManifestPath, JsonSerializer.Serialize(manifest, ExchangeJson.Indented));

    public string ReadKey(string file)
    {
        var path = System.IO.Path.Combine(Path, file);
        return File.Exists(path) ? File.ReadAllText(path) : throw new KeyStoreException($"the key file {file} is missing from {Path}");
    }

    public void WriteKey(string file, string pem) => WriteAtomically(System.IO.Path.Combine(Path, file), pem);

    private void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
