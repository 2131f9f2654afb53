namespace Deploy.Hosting.Gpu;

/// <summary>A POSIX shell launcher that gives each replica its own devices. DCP starts every replica with the same
/// environment, so each one claims the lowest free slot (an atomic <c>mkdir</c>, freed when its process is gone),
/// exports that slot's <c>CUDA_VISIBLE_DEVICES</c>, and <c>exec</c>s the app, which keeps the pid DCP watches.</summary>
internal static class GpuSlotScript
{
    /// <summary>Arguments: slot directory, then one device list per slot, then <c>--</c>, then the command.</summary>
    public const string Text = """
        #!/bin/sh
        # Written by Deploy: gives each replica of a WithGpu resource its own CUDA_VISIBLE_DEVICES.
        dir=$1; shift
        n=0
        while [ "$1" != "--" ]; do eval "slot_$n=\$1"; n=$((n+1)); shift; done
        shift
        mkdir -p "$dir"
        while :; do
          s=0
          while [ "$s" -lt "$n" ]; do
            if mkdir "$dir/$s" 2>/dev/null; then
              echo $$ > "$dir/$s/pid"
              eval "CUDA_VISIBLE_DEVICES=\$slot_$s"
              export CUDA_VISIBLE_DEVICES DEPLOY_GPU_SLOT=$s
              exec "$@"
            fi
            owner=$(cat "$dir/$s/pid" 2>/dev/null)
            if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then rm -rf "$dir/$s"; continue; fi
            s=$((s+1))
          done
          sleep 0.2
        done
        """;

    /// <summary>Writes the script into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "gpu-slot.sh");
        File.WriteAllText(path, Text.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
