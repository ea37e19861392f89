//! zh-CN / en strings of the team-on-a-bucket form (issue 19).

use crate::storage::team::BucketInviteError;
use crate::sync::s3_presets::Provider;
use crate::sync::sigv4::AddressError;
use crate::ui::i18n::Lang;

crate::catalogue! { BMsg {
    Where => "团队文件存放在", "Where the team's files live";
    KindFolder => "WebDAV 文件夹", "WebDAV folder";
    KindBucket => "S3 兼容存储桶", "S3-compatible bucket";
    BucketTitle => "在存储桶上新建团队", "Create a team on a bucket";
    BucketHint => "对象存储（AWS S3、阿里云 OSS、腾讯云 COS、Cloudflare R2、MinIO）直接从浏览器访问，不需要服务器。存储桶里只有密文；访问密钥随邀请链接一起加密传给同事。", "Object storage (AWS S3, Aliyun OSS, Tencent COS, Cloudflare R2, MinIO) straight from the browser, with no server. The bucket holds ciphertext only; the access key travels sealed in the invite link.";
    Provider => "服务商", "Provider";
    Endpoint => "服务地址（Endpoint）", "Endpoint";
    Bucket => "存储桶名称", "Bucket name";
    Region => "区域（Region）", "Region";
    Prefix => "桶内的团队文件夹", "Team folder in the bucket";
    PrefixHint => "例如 teams/north；一个桶可以放多个团队。", "e.g. teams/north; one bucket can hold several teams.";
    AccessKey => "访问密钥 ID（AccessKey ID）", "Access key ID";
    Secret => "访问密钥（Secret）", "Secret access key";
    PathStyle => "路径式地址（endpoint/桶名/…）", "Path-style addresses (endpoint/bucket/…)";
    Check => "检查并新建团队", "Check and create the team";
    Checking => "正在检查存储桶…", "Checking the bucket…";
    ErrEndpoint => "服务地址须以 http:// 或 https:// 开头，只含主机名（和端口）。", "The endpoint is an http:// or https:// address with a host (and port) and nothing after it.";
    ErrBucketName => "桶名为 3–63 个小写字母、数字、点或连字符。", "A bucket name is 3 to 63 lower-case letters, digits, dots or hyphens.";
    ErrRegion => "区域只含字母、数字和连字符（如 cn-hangzhou、us-east-1、auto）。", "The region is letters, digits and hyphens (e.g. cn-hangzhou, us-east-1, auto).";
    ErrPrefix => "团队文件夹由字母、数字、点、连字符和下划线组成，用 / 分隔。", "The team folder is names of letters, digits, dots, hyphens and underscores, separated by /.";
    ErrCredentials => "需要访问密钥 ID 和访问密钥。", "Both the access key ID and the secret are needed.";
    ErrBucketUnreachable => "连不上存储桶：请检查服务地址和桶名、本机是否在线，以及存储桶的 CORS 规则是否允许本应用的地址（见 README）。", "The bucket could not be reached: check the endpoint and the bucket name, that this device is online, and that the bucket's CORS rule allows this app's address (see the README).";
    ErrInviteBucket => "链接中的存储桶设置无法读取（链接不完整或已被改动）。请向同事要一个新链接。", "The bucket settings in the link cannot be read (the link is cut short or was changed). Ask for a new link.";
    BucketLabel => "存储桶", "Bucket";
}}

/// The provider's name.
pub fn provider_label(lang: Lang, p: Provider) -> &'static str {
    match (p, lang) {
        (Provider::Aws, _) => "Amazon S3",
        (Provider::AliyunOss, Lang::ZhCn) => "阿里云 OSS",
        (Provider::AliyunOss, Lang::En) => "Aliyun OSS",
        (Provider::TencentCos, Lang::ZhCn) => "腾讯云 COS",
        (Provider::TencentCos, Lang::En) => "Tencent COS",
        (Provider::CloudflareR2, _) => "Cloudflare R2",
        (Provider::Other, Lang::ZhCn) => "MinIO 或其他 S3 兼容服务",
        (Provider::Other, Lang::En) => "MinIO or another S3-compatible server",
    }
}

/// What the user needs to know about the provider's settings.
pub fn provider_hint(lang: Lang, p: Provider) -> &'static str {
    match (p, lang) {
        (Provider::Aws, Lang::ZhCn) => "区域如 us-east-1、ap-east-1；服务地址随区域自动填写。",
        (Provider::Aws, Lang::En) => "Region such as us-east-1 or eu-west-1; the endpoint follows the region.",
        (Provider::AliyunOss, Lang::ZhCn) => "区域填地域 ID，如 cn-hangzhou、cn-shanghai；使用 OSS 的 S3 兼容地址。",
        (Provider::AliyunOss, Lang::En) => {
            "Region is the region ID, such as cn-hangzhou or cn-shanghai; OSS's S3-compatible endpoint is used."
        }
        (Provider::TencentCos, Lang::ZhCn) => {
            "区域如 ap-guangzhou、ap-shanghai；桶名包含 APPID，如 outpost-1250000000。"
        }
        (Provider::TencentCos, Lang::En) => {
            "Region such as ap-guangzhou or ap-shanghai; the bucket name includes the APPID, e.g. outpost-1250000000."
        }
        (Provider::CloudflareR2, Lang::ZhCn) => "服务地址中填入你的账户 ID；区域为 auto。",
        (Provider::CloudflareR2, Lang::En) => "Put your account ID in the endpoint; the region is auto.",
        (Provider::Other, Lang::ZhCn) => "填写服务器地址，如 https://minio.example.com:9000；通常使用路径式地址。",
        (Provider::Other, Lang::En) => {
            "Type the server's address, e.g. https://minio.example.com:9000; path-style addresses are usual."
        }
    }
}

/// A setting that does not check, in words.
pub fn address_error(e: &AddressError) -> BMsg {
    match e {
        AddressError::Endpoint => BMsg::ErrEndpoint,
        AddressError::Bucket => BMsg::ErrBucketName,
        AddressError::Region => BMsg::ErrRegion,
        AddressError::Prefix => BMsg::ErrPrefix,
        AddressError::Credentials => BMsg::ErrCredentials,
    }
}

/// An invite's bucket settings that cannot be used, in words.
pub fn invite_bucket_error(e: &BucketInviteError) -> BMsg {
    match e {
        BucketInviteError::Unreadable => BMsg::ErrInviteBucket,
        BucketInviteError::Invalid(a) => address_error(a),
    }
}
