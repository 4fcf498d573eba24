using Liaison.Core.Policy;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Policy;

/// <summary>Where a node's policy comes from: <c>policy.yaml</c> in its folder, written from the shipped default at init.</summary>
public static class NodePolicy
{
    public const string FileName = "policy.yaml";

    public static string PathOf(NodeConfig node) => System.IO.Path.Combine(node.Directory, FileName);

    public static string DefaultText()
    {
        using var stream = typeof(NodePolicy).Assembly.GetManifestResourceStream("Liaison.Node.default-policy.yaml")
            ?? throw new InvalidOperationException("the default policy is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the shipped default policy into a new node's folder (never over an existing one).</summary>
    public static void WriteDefault(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = PathOf(node);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, DefaultText());
        }
    }

    /// <summary>Loads the node's policy; a bad file stops the node with every error listed.</summary>
    public static PolicyStore Load(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = PathOf(node);
        return File.Exists(path) ? PolicyStore.Load(File.ReadAllText(path), path) : PolicyStore.Load(DefaultText(), "(default policy)");
    }
}
