import { Dialog } from '../../../components/dialog';
import { SHORTCUT_HELP } from './shortcuts';

/** The `?` overlay: every shortcut this viewer can use. Off while typing in a field. */
export function ShortcutsDialog(props: { canEdit: boolean; onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={props.onClose}
      actions={
        <button type="button" className="button" data-autofocus onClick={props.onClose}>
          Close
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {SHORTCUT_HELP.filter((row) => props.canEdit || !row.editorOnly).map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Shortcuts are off while you type in a field. Every action also has a button.
      </p>
    </Dialog>
  );
}
