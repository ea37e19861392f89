//! Object-storage providers Outpost knows the address forms of (issue 19), so a manager
//! setting up a team types a region, a bucket and a key rather than an endpoint. Each
//! provider's S3-compatible endpoint, its default region and whether it wants
//! path-style addresses; "other" (MinIO, Ceph, any S3-compatible server) takes the
//! endpoint as typed. The README's hosting section has each provider's CORS rule and
//! least-privilege policy.

/// A provider preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Amazon S3: `https://s3.<region>.amazonaws.com`, virtual-hosted.
    Aws,
    /// Aliyun OSS through its S3-compatible endpoint `https://s3.oss-<region>.aliyuncs.com`
    /// (region `cn-hangzhou`…), virtual-hosted only.
    AliyunOss,
    /// Tencent COS: `https://cos.<region>.myqcloud.com` (region `ap-guangzhou`…); the
    /// bucket name carries the APPID (`name-1250000000`), virtual-hosted.
    TencentCos,
    /// Cloudflare R2: `https://<account id>.r2.cloudflarestorage.com`, region `auto`.
    CloudflareR2,
    /// MinIO, Ceph RGW or another S3-compatible server: the endpoint as typed,
    /// path-style, region `us-east-1` unless the server says otherwise.
    Other,
}

impl Provider {
    pub const ALL: [Provider; 5] =
        [Provider::Aws, Provider::AliyunOss, Provider::TencentCos, Provider::CloudflareR2, Provider::Other];

    /// A stable name for forms and tests.
    pub fn key(self) -> &'static str {
        match self {
            Provider::Aws => "aws",
            Provider::AliyunOss => "oss",
            Provider::TencentCos => "cos",
            Provider::CloudflareR2 => "r2",
            Provider::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The region a new form starts with.
    pub fn default_region(self) -> &'static str {
        match self {
            Provider::Aws => "us-east-1",
            Provider::AliyunOss => "cn-hangzhou",
            Provider::TencentCos => "ap-guangzhou",
            Provider::CloudflareR2 => "auto",
            Provider::Other => "us-east-1",
        }
    }

    /// Whether the provider wants `endpoint/bucket/key` addresses.
    pub fn path_style(self) -> bool {
        matches!(self, Provider::Other)
    }

    /// Whether the endpoint follows from the region (else the user types it: R2 needs
    /// the account id, "other" its own server).
    pub fn endpoint_from_region(self) -> bool {
        matches!(self, Provider::Aws | Provider::AliyunOss | Provider::TencentCos)
    }

    /// The endpoint for `region` (trimmed), or the form's starting text when the
    /// endpoint does not follow from the region.
    pub fn endpoint(self, region: &str) -> String {
        let r = region.trim();
        match self {
            Provider::Aws => format!("https://s3.{r}.amazonaws.com"),
            Provider::AliyunOss => format!("https://s3.oss-{r}.aliyuncs.com"),
            Provider::TencentCos => format!("https://cos.{r}.myqcloud.com"),
            Provider::CloudflareR2 => "https://<account-id>.r2.cloudflarestorage.com".into(),
            Provider::Other => "https://".into(),
        }
    }
}
