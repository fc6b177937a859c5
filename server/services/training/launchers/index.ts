// The launchers this server may use, from its configuration (FRA_LAUNCHERS): local always, ssh and ray
// when configured.
import { readLaunchersConfig, type LauncherKind, type LaunchersConfig } from "@/configs/training";
import { localLauncher } from "./local";
import { rayLauncher } from "./ray";
import { sshLauncher } from "./ssh";
import type { Launcher } from "./types";

export type Launchers = Partial<Record<LauncherKind, Launcher>>;

export function launchersFrom(config: LaunchersConfig): Launchers {
  return {
    local: localLauncher(config.local),
    ...(config.ssh ? { ssh: sshLauncher(config.ssh) } : {}),
    ...(config.ray ? { ray: rayLauncher(config.ray) } : {}),
  };
}

export const configuredLaunchers = (): Launchers => launchersFrom(readLaunchersConfig(process.env.FRA_LAUNCHERS));
