/** The options page's data: the stored settings, an editable draft of them, and saving a part of it. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import type { PublicSettings } from '../../lib/protocol';
import type { Settings, SettingsPatch } from '../../lib/settings';

export type Message = { kind: 'good' | 'bad'; text: string } | null;

export interface SettingsEditor {
  settings: PublicSettings;
  draft: Settings;
  /** Edits the draft (nothing is saved until a section saves). */
  set: (change: Partial<Settings>) => void;
  /** Saves a patch; the note gets "Saved." or the reason it was refused. */
  save: (patch: SettingsPatch, note: (message: Message) => void) => Promise<boolean>;
  /** Takes settings the background just answered with. */
  adopt: (settings: PublicSettings) => void;
}

export function useSettings(): { editor: SettingsEditor | null; loadError: string | null } {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const adopt = (loaded: PublicSettings) => {
    setSettings(loaded);
    const { keys: _keys, ...plain } = loaded;
    setDraft(structuredClone(plain));
  };
  useEffect(() => {
    sendMessage('getSettings', undefined).then(adopt, (error: Error) => setLoadError(error.message));
  }, []);
  if (!settings || !draft) return { editor: null, loadError };
  return {
    loadError,
    editor: {
      settings,
      draft,
      adopt,
      set: (change) => setDraft({ ...draft, ...change }),
      async save(patch, note) {
        try {
          adopt(await sendMessage('updateSettings', patch));
          note({ kind: 'good', text: 'Saved.' });
          return true;
        } catch (error) {
          note({ kind: 'bad', text: (error as Error).message });
          return false;
        }
      },
    },
  };
}
