import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../api/contract-types.js';
import { dutyRoles } from '../../../../../src/core/auth/permissions.js';

// 三员分立: the administrator, security officer and auditor are made on the server (civicgrid user add).
const staffRoles = ROLES.filter((role) => !(dutyRoles as readonly Role[]).includes(role));

interface RoleCheckboxesProps {
  id?: string;
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  label: string;
}

/**
 * The staff roles as checkboxes in a labelled group (the server refuses the three administrators'). Form.Item would put aria-required on
 * Checkbox.Group's plain <div> (not allowed there), so only the wanted props pass through.
 */
export function RoleCheckboxes({ id, value, onChange, label }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <fieldset
      aria-label={label}
      id={id}
      data-testid="user-roles"
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      <Checkbox.Group<Role>
        value={value ?? []}
        onChange={(roles) => onChange?.(roles)}
        options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
    </fieldset>
  );
}
