//! zh-CN / en strings of the team roster card (Settings).

crate::catalogue! { RMsg {
    Title => "团队名册与签名", "Team roster and signatures";
    NotStarted => "团队尚未启用签名：任何持有团队密钥的人都能以任何人的名义写入。", "The team does not sign its changes yet: anyone holding the team key can write in anyone's name.";
    StartHint => "启用后，每项更改都由作者的个人密钥签名；只有管理员授予角色的人，其确认收款、分配客户等操作才会在所有设备上生效。启用后请重新发送邀请链接。", "Once started, every change is signed with its author's personal key, and payment confirmations, pool assignments and the like count on every device only from people an admin granted the role. Send fresh invite links after starting.";
    Start => "启用团队签名（我将成为管理员）", "Start signing for the team (I become its admin)";
    Started => "团队已启用签名。", "The team signs its changes.";
    AdminHint => "你是名册管理员：为新成员授予角色，离职时撤销。", "You are a roster admin: grant newcomers their role, revoke it when someone leaves.";
    NotAdminHint => "只有名册管理员可以授予或撤销角色。", "Only a roster admin grants or revokes roles.";
    NoKey => "尚无密钥", "No key yet";
    Pending => "待批准", "Waiting for approval";
    Revoked => "已撤销", "Revoked";
    Admin => "管理员", "Admin";
    Grant => "授予", "Grant";
    Revoke => "撤销", "Revoke";
    Key => "密钥指纹", "Key fingerprint";
    Verified => "签名已验证", "verified";
    Unverified => "未验证签名", "unverified";
} }
